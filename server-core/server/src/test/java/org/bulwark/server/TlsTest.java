package org.bulwark.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bulwark.server.fixture.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HTTPS from a PKCS#12 keystore made by the JDK's keytool. */
class TlsTest {
    private static final String PASSWORD = "keystore-password";
    private static final Path KEYSTORE = keystore();

    @RegisterExtension
    static final ServerExtension SERVER = ServerExtension.external()
            .with("tls.keystore", KEYSTORE.toString()).with("tls.password", PASSWORD);

    private static Path keystore() {
        try {
            Path dir = Files.createTempDirectory("bulwark-tls");
            Path file = dir.resolve("server.p12");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "bulwark", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", file.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            return file;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client that trusts exactly the server's certificate. */
    private static HttpClient trustingClient() throws Exception {
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(KEYSTORE)) {
            server.load(in, PASSWORD.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("bulwark", server.getCertificate("bulwark"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).build();
    }

    @Test
    void restIsServedOverHttpsAndPlainHttpIsNot() throws Exception {
        URI url = SERVER.server().url();
        assertEquals("https", url.getScheme());
        HttpResponse<String> health = trustingClient().send(HttpRequest.newBuilder(url.resolve("/api/v1/system/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertEquals(List.of("application/json"), health.headers().allValues("Content-Type"));

        assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(url.resolve("/api/v1/system/health")).build(), HttpResponse.BodyHandlers.ofString()),
                "an untrusted certificate is refused by default clients");

        URI plain = URI.create("http://" + url.getHost() + ":" + url.getPort() + "/api/v1/system/health");
        assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(plain).build(),
                HttpResponse.BodyHandlers.ofString()), "plain HTTP on the TLS port gets a TLS alert, no API answer");
    }
}
