package org.bulwark.node.mount.nbd;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.bulwark.node.mount.image.DiskImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read-only NBD server for one export (the NBD protocol's fixed newstyle handshake): options
 * {@code EXPORT_NAME}, {@code INFO}, {@code GO}, {@code LIST}, {@code ABORT}; commands {@code READ}
 * and {@code DISC} with simple replies; writes, trims and other commands are refused with
 * {@code EPERM}/{@code EINVAL}, a read that fails answers {@code EIO}; reads run in parallel. Listens on 127.0.0.1 (a free or
 * given port) or on a unix socket; one virtual thread per connection. {@link #close()} stops
 * listening and drops every connection.
 */
public final class NbdServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NbdServer.class);
    private static final long NBDMAGIC = 0x4e42444d41474943L;
    private static final long IHAVEOPT = 0x49484156454F5054L;
    private static final long REPLY_MAGIC = 0x3e889045565a9L;
    private static final int REQUEST_MAGIC = 0x25609513;
    private static final int SIMPLE_REPLY_MAGIC = 0x67446698;
    private static final int FLAG_FIXED_NEWSTYLE = 1;
    private static final int FLAG_NO_ZEROES = 2;
    private static final int OPT_EXPORT_NAME = 1;
    private static final int OPT_ABORT = 2;
    private static final int OPT_LIST = 3;
    private static final int OPT_INFO = 6;
    private static final int OPT_GO = 7;
    private static final int REP_ACK = 1;
    private static final int REP_SERVER = 2;
    private static final int REP_INFO = 3;
    private static final int REP_ERR_UNSUP = 0x80000001;
    private static final int REP_ERR_INVALID = 0x80000003;
    private static final int REP_ERR_UNKNOWN = 0x80000006;
    private static final int INFO_EXPORT = 0;
    private static final int INFO_BLOCK_SIZE = 3;
    /** HAS_FLAGS, READ_ONLY, CAN_MULTI_CONN. */
    private static final int TRANSMISSION_FLAGS = 1 | 2 | 1 << 8;
    private static final int CMD_READ = 0;
    private static final int CMD_WRITE = 1;
    private static final int CMD_DISC = 2;
    private static final int CMD_TRIM = 4;
    private static final int CMD_WRITE_ZEROES = 6;
    private static final int EPERM = 1;
    private static final int EIO = 5;
    private static final int EINVAL = 22;
    /** Largest read served in one request, as announced in the block size info. */
    static final int MAX_REQUEST = 32 << 20;
    private static final int MAX_OPTION = 4096;
    /** Bytes of reads in flight per connection, counted in {@link #UNIT}s. */
    private static final int WINDOW = 64 << 20;
    private static final int UNIT = 64 << 10;

    private final DiskImage image;
    private final String exportName;
    private final ServerSocketChannel listener;
    private final Path socketPath;
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private NbdServer(DiskImage image, String exportName, ServerSocketChannel listener, Path socketPath) {
        this.image = image;
        this.exportName = exportName;
        this.listener = listener;
        this.socketPath = socketPath;
        this.acceptor = Thread.ofVirtual().name("nbd-accept-" + exportName).start(this::accept);
    }

    /** Serves {@code image} as {@code exportName} on 127.0.0.1, at {@code port} (0: a free one). */
    public static NbdServer onLoopback(DiskImage image, String exportName, int port) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.INET);
        try {
            ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            ch.close();
            throw new IOException("cannot listen for NBD on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        return new NbdServer(image, exportName, ch, null);
    }

    /** Serves {@code image} as {@code exportName} on a new unix socket at {@code socket}; removed again on close. */
    public static NbdServer onUnixSocket(DiskImage image, String exportName, Path socket) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            ch.close();
            throw new IOException("cannot listen for NBD on " + socket + ": " + e.getMessage(), e);
        }
        return new NbdServer(image, exportName, ch, socket);
    }

    /** The TCP port, or -1 on a unix socket. */
    public int port() {
        return socketPath == null ? ((InetSocketAddress) localAddress()).getPort() : -1;
    }

    /** An NBD URI for this export ({@code nbd://127.0.0.1:PORT/NAME} or {@code nbd+unix:///NAME?socket=PATH}). */
    public String uri() {
        return socketPath == null ? "nbd://127.0.0.1:" + port() + "/" + exportName
                : "nbd+unix:///" + exportName + "?socket=" + socketPath;
    }

    public String exportName() {
        return exportName;
    }

    /** Connections open now. */
    public int connections() {
        return connections.size();
    }

    private SocketAddress localAddress() {
        try {
            return listener.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("NBD server closed", e);
        }
    }

    private void accept() {
        while (!closed) {
            SocketChannel client;
            try {
                client = listener.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("NBD export {} stopped accepting: {}", exportName, e.toString());
                }
                return;
            }
            connections.add(client);
            Thread.ofVirtual().name("nbd-" + exportName).start(() -> serve(client));
        }
    }

    private void serve(SocketChannel client) {
        try (client) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(client), 1 << 16));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client), 1 << 16));
            if (handshake(in, out)) {
                transmit(in, out);
            }
        } catch (EOFException | ClosedChannelException e) {
            LOG.debug("NBD client of {} went away", exportName);
        } catch (IOException e) {
            if (!closed) {
                LOG.info("NBD connection to {} ended: {}", exportName, e.toString());
            }
        } finally {
            connections.remove(client);
        }
    }

    /** Negotiates the export; true when transmission begins. */
    private boolean handshake(DataInputStream in, DataOutputStream out) throws IOException {
        out.writeLong(NBDMAGIC);
        out.writeLong(IHAVEOPT);
        out.writeShort(FLAG_FIXED_NEWSTYLE | FLAG_NO_ZEROES);
        out.flush();
        int clientFlags = in.readInt();
        if ((clientFlags & FLAG_FIXED_NEWSTYLE) == 0) {
            LOG.info("NBD client of {} does not speak fixed newstyle; closing", exportName);
            return false;
        }
        boolean noZeroes = (clientFlags & FLAG_NO_ZEROES) != 0;
        while (true) {
            if (in.readLong() != IHAVEOPT) {
                throw new IOException("NBD option without the IHAVEOPT magic");
            }
            int option = in.readInt();
            int length = in.readInt();
            if (length < 0 || length > MAX_OPTION) {
                throw new IOException("NBD option " + option + " of " + length + " bytes refused");
            }
            byte[] data = in.readNBytes(length);
            if (data.length < length) {
                throw new EOFException();
            }
            switch (option) {
                case OPT_EXPORT_NAME -> {
                    if (!knownExport(new String(data, StandardCharsets.UTF_8))) {
                        return false;
                    }
                    out.writeLong(image.size());
                    out.writeShort(TRANSMISSION_FLAGS);
                    if (!noZeroes) {
                        out.write(new byte[124]);
                    }
                    out.flush();
                    return true;
                }
                case OPT_ABORT -> {
                    reply(out, option, REP_ACK, new byte[0]);
                    return false;
                }
                case OPT_LIST -> {
                    byte[] name = exportName.getBytes(StandardCharsets.UTF_8);
                    reply(out, option, REP_SERVER, ByteBuffer.allocate(4 + name.length).putInt(name.length).put(name).array());
                    reply(out, option, REP_ACK, new byte[0]);
                }
                case OPT_INFO, OPT_GO -> {
                    java.nio.ByteBuffer b = ByteBuffer.wrap(data);
                    int nameLength = data.length >= 4 ? b.getInt() : -1;
                    if (nameLength < 0 || nameLength > data.length - 6) {
                        reply(out, option, REP_ERR_INVALID, "malformed INFO/GO request".getBytes(StandardCharsets.UTF_8));
                        continue;
                    }
                    String name = new String(data, 4, nameLength, StandardCharsets.UTF_8);
                    if (!knownExport(name)) {
                        reply(out, option, REP_ERR_UNKNOWN, ("no export " + name).getBytes(StandardCharsets.UTF_8));
                        continue;
                    }
                    reply(out, option, REP_INFO, ByteBuffer.allocate(12).putShort((short) INFO_EXPORT)
                            .putLong(image.size()).putShort((short) TRANSMISSION_FLAGS).array());
                    reply(out, option, REP_INFO, ByteBuffer.allocate(14).putShort((short) INFO_BLOCK_SIZE)
                            .putInt(1).putInt(4096).putInt(MAX_REQUEST).array());
                    reply(out, option, REP_ACK, new byte[0]);
                    if (option == OPT_GO) {
                        return true;
                    }
                }
                default -> reply(out, option, REP_ERR_UNSUP, new byte[0]);
            }
        }
    }

    private boolean knownExport(String name) {
        return name.isEmpty() || name.equals(exportName);
    }

    private static void reply(DataOutputStream out, int option, int type, byte[] data) throws IOException {
        out.writeLong(REPLY_MAGIC);
        out.writeInt(option);
        out.writeInt(type);
        out.writeInt(data.length);
        out.write(data);
        out.flush();
    }

    /**
     * Answers requests until DISC or the end of the connection. Reads run in parallel (a client such
     * as {@code qemu-img} keeps several in flight), at most {@link #WINDOW} bytes of them per
     * connection; each reply is written whole, in the order the reads finish.
     */
    private void transmit(DataInputStream in, DataOutputStream out) throws IOException {
        Semaphore window = new Semaphore(WINDOW / UNIT);
        try {
            while (true) {
                if (in.readInt() != REQUEST_MAGIC) {
                    throw new IOException("NBD request without the request magic");
                }
                in.readUnsignedShort();
                int type = in.readUnsignedShort();
                long cookie = in.readLong();
                long offset = in.readLong();
                long length = Integer.toUnsignedLong(in.readInt());
                switch (type) {
                    case CMD_DISC -> {
                        return;
                    }
                    case CMD_READ -> {
                        if (length > MAX_REQUEST || offset < 0 || offset > image.size() - length) {
                            reply(out, EINVAL, cookie, null);
                            continue;
                        }
                        int units = (int) Math.max(1, (length + UNIT - 1) / UNIT);
                        window.acquireUninterruptibly(units);
                        Thread.ofVirtual().name("nbd-read-" + exportName).start(() -> {
                            try {
                                answerRead(out, cookie, offset, (int) length);
                            } finally {
                                window.release(units);
                            }
                        });
                    }
                    case CMD_WRITE -> {
                        in.skipNBytes(length);
                        reply(out, EPERM, cookie, null);
                    }
                    default -> reply(out, type == CMD_TRIM || type == CMD_WRITE_ZEROES ? EPERM : EINVAL, cookie, null);
                }
            }
        } finally {
            window.acquireUninterruptibly(WINDOW / UNIT);
        }
    }

    private void answerRead(DataOutputStream out, long cookie, long offset, int length) {
        byte[] data = new byte[length];
        try {
            try {
                image.read(offset, data, 0, length);
            } catch (IOException e) {
                LOG.error("NBD export {}: read of {} bytes at {} failed: {}", exportName, length, offset, e.toString());
                reply(out, EIO, cookie, null);
                return;
            }
            reply(out, 0, cookie, data);
        } catch (IOException e) {
            LOG.debug("NBD client of {} left before a reply: {}", exportName, e.toString());
        }
    }

    /** A simple reply, with {@code data} after it for a successful read. */
    private static void reply(DataOutputStream out, int error, long cookie, byte[] data) throws IOException {
        synchronized (out) {
            out.writeInt(SIMPLE_REPLY_MAGIC);
            out.writeInt(error);
            out.writeLong(cookie);
            if (data != null) {
                out.write(data);
            }
            out.flush();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debug("closing the NBD listener: {}", e.toString());
        }
        for (SocketChannel c : connections) {
            try {
                c.close();
            } catch (IOException e) {
                LOG.debug("closing an NBD connection: {}", e.toString());
            }
        }
        try {
            acceptor.join(5_000);
            if (socketPath != null) {
                Files.deleteIfExists(socketPath);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("could not remove NBD socket {}: {}", socketPath, e.toString());
        }
    }
}
