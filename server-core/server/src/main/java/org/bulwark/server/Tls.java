package org.bulwark.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import org.apache.cxf.Bus;
import org.apache.cxf.configuration.jsse.TLSServerParameters;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.bulwark.server.config.ConfigException;
import org.bulwark.server.config.ServerConfig;

/** HTTPS for the Jetty port from a PKCS#12 (or JKS) keystore ({@code tls.keystore}, {@code tls.password}). */
final class Tls {
    private Tls() {
    }

    static void configure(Bus bus, ServerConfig config, int port) {
        char[] password = config.tlsPassword().toCharArray();
        try (InputStream in = Files.newInputStream(config.tlsKeystore().orElseThrow())) {
            KeyStore keystore = KeyStore.getInstance(KeyStore.getDefaultType());
            keystore.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keystore, password);
            TLSServerParameters parameters = new TLSServerParameters();
            parameters.setKeyManagers(keys.getKeyManagers());
            parameters.setSecureSocketProtocol("TLSv1.3");
            JettyHTTPServerEngineFactory engines = bus.getExtension(JettyHTTPServerEngineFactory.class);
            engines.setTLSServerParametersForPort(config.httpHost(), port, parameters);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("Cannot use tls.keystore " + config.tlsKeystore().orElseThrow() + ": " + e.getMessage());
        }
    }
}
