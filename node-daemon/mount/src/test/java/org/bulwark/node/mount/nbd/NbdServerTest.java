package org.bulwark.node.mount.nbd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bulwark.node.mount.image.DiskImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NBD protocol as a client on the wire sees it, and {@code nbdcopy} over a unix socket. */
class NbdServerTest {
    private static final long IHAVEOPT = 0x49484156454F5054L;
    private static final long REPLY_MAGIC = 0x3e889045565a9L;
    private static final byte[] DATA = random(1 << 20);

    /** An image in memory. */
    private static final DiskImage IMAGE = new DiskImage() {
        @Override
        public long size() {
            return DATA.length;
        }

        @Override
        public void read(long offset, byte[] dst, int off, int len) throws IOException {
            if (offset >= 512 * 1024 && offset < 512 * 1024 + 4096) {
                throw new IOException("simulated bad sector");
            }
            System.arraycopy(DATA, (int) offset, dst, off, len);
        }
    };

    private record Client(Socket socket, DataInputStream in, DataOutputStream out) implements AutoCloseable {
        static Client connect(int port, int flags) throws IOException {
            Socket s = new Socket("127.0.0.1", port);
            Client c = new Client(s, new DataInputStream(s.getInputStream()), new DataOutputStream(s.getOutputStream()));
            assertEquals(0x4e42444d41474943L, c.in.readLong());
            assertEquals(IHAVEOPT, c.in.readLong());
            assertEquals(3, c.in.readUnsignedShort(), "fixed newstyle, no zeroes");
            c.out.writeInt(flags);
            return c;
        }

        void option(int option, byte[] data) throws IOException {
            out.writeLong(IHAVEOPT);
            out.writeInt(option);
            out.writeInt(data.length);
            out.write(data);
            out.flush();
        }

        /** Reads option replies up to the final one; returns its type. */
        int replies(int option) throws IOException {
            while (true) {
                assertEquals(REPLY_MAGIC, in.readLong());
                assertEquals(option, in.readInt());
                int type = in.readInt();
                in.skipNBytes(in.readInt());
                if (type != 3 && type != 2) {
                    return type;
                }
            }
        }

        void go(String name) throws IOException {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            option(7, java.nio.ByteBuffer.allocate(6 + n.length).putInt(n.length).put(n).putShort((short) 0).array());
            assertEquals(1, replies(7), "GO acknowledged");
        }

        /** Sends a request; returns the error of its simple reply. */
        int request(int type, long cookie, long offset, int length, byte[] payload) throws IOException {
            out.writeInt(0x25609513);
            out.writeShort(0);
            out.writeShort(type);
            out.writeLong(cookie);
            out.writeLong(offset);
            out.writeInt(length);
            if (payload != null) {
                out.write(payload);
            }
            out.flush();
            assertEquals(0x67446698, in.readInt());
            int error = in.readInt();
            assertEquals(cookie, in.readLong());
            return error;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void readsServeTheImageAndWritesAreRefused() throws Exception {
        try (NbdServer server = NbdServer.onLoopback(IMAGE, "disk", 0);
             Client c = Client.connect(server.port(), 3)) {
            c.go("disk");
            assertEquals(0, c.request(0, 1, 4096, 8192, null));
            assertArrayEquals(Arrays.copyOfRange(DATA, 4096, 4096 + 8192), c.in.readNBytes(8192));
            assertEquals(1, c.request(1, 2, 0, 512, new byte[512]), "a write is refused with EPERM");
            assertEquals(1, c.request(6, 3, 0, 512, null), "write zeroes is refused with EPERM");
            assertEquals(22, c.request(0, 4, DATA.length - 100, 512, null), "a read past the end is EINVAL");
            assertEquals(5, c.request(0, 5, 512 * 1024, 512, null), "a failing read is EIO, without data");
            assertEquals(0, c.request(0, 6, 0, 16, null), "the connection goes on after errors");
            assertArrayEquals(Arrays.copyOf(DATA, 16), c.in.readNBytes(16));
            c.out.writeInt(0x25609513);
            c.out.writeShort(0);
            c.out.writeShort(2);
            c.out.write(new byte[20]);
            c.out.flush();
            assertEquals(-1, c.in.read(), "DISC closes the connection");
        }
    }

    @Test
    void exportNamesAreCheckedAndListed() throws Exception {
        try (NbdServer server = NbdServer.onLoopback(IMAGE, "disk", 0);
             Client c = Client.connect(server.port(), 1)) {
            c.option(3, new byte[0]);
            assertEquals(REPLY_MAGIC, c.in.readLong());
            assertEquals(3, c.in.readInt());
            assertEquals(2, c.in.readInt(), "one NBD_REP_SERVER");
            c.in.readInt();
            byte[] name = c.in.readNBytes(c.in.readInt());
            assertEquals("disk", new String(name, StandardCharsets.UTF_8));
            assertEquals(1, c.replies(3));
            byte[] other = "other".getBytes(StandardCharsets.UTF_8);
            c.option(7, java.nio.ByteBuffer.allocate(6 + other.length).putInt(other.length).put(other).putShort((short) 0).array());
            assertEquals(0x80000006, c.replies(7), "unknown export");
            c.option(8, new byte[0]);
            assertEquals(0x80000001, c.replies(8), "structured replies unsupported: simple replies only");
            c.option(1, "disk".getBytes(StandardCharsets.UTF_8));
            assertEquals(DATA.length, c.in.readLong());
            assertEquals(0x103, c.in.readUnsignedShort(), "has flags, read-only, multi-conn");
            c.in.skipNBytes(124);
            assertEquals(0, c.request(0, 9, 0, 8, null));
            assertArrayEquals(Arrays.copyOf(DATA, 8), c.in.readNBytes(8));
        }
    }

    @Test
    void clientWithoutFixedNewstyleIsDropped() throws Exception {
        try (NbdServer server = NbdServer.onLoopback(IMAGE, "disk", 0);
             Client c = Client.connect(server.port(), 0)) {
            assertEquals(-1, c.in.read());
        }
    }

    @Test
    void nbdcopyOverAUnixSocket(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("nbd.sock");
        Path out = dir.resolve("copy.raw");
        byte[] clean = Arrays.copyOf(DATA, 256 * 1024);
        DiskImage small = IMAGE.slice(0, clean.length);
        try (NbdServer server = NbdServer.onUnixSocket(small, "disk", socket)) {
            assertEquals("nbd+unix:///disk?socket=" + socket, server.uri());
            Process p = new ProcessBuilder(List.of("nbdcopy", server.uri(), out.toString())).redirectErrorStream(true).start();
            String output;
            try (InputStream in = p.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertEquals(0, p.waitFor(), output);
        }
        assertArrayEquals(clean, Files.readAllBytes(out));
        assertTrue(Files.notExists(socket), "the socket is removed on close");
        assertThrows(EOFException.class, () -> small.read(clean.length - 1, 2));
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(7).nextBytes(b);
        return b;
    }
}
