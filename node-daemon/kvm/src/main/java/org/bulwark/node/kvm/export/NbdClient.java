package org.bulwark.node.kvm.export;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * A read-only NBD client on a unix socket (fixed newstyle handshake, structured replies, meta
 * contexts, block status), as the NBD protocol document specifies it. Not thread-safe: the callers
 * serialize; a read pipelines its own requests.
 */
final class NbdClient implements AutoCloseable {
    /** {@code base:allocation} flag: the range reads as zeros. */
    static final int STATE_ZERO = 2;
    /** {@code qemu:dirty-bitmap:*} flag: the range changed. */
    static final int STATE_DIRTY = 1;
    static final String BASE_ALLOCATION = "base:allocation";

    private static final long NBDMAGIC = 0x4e42444d41474943L;
    private static final long IHAVEOPT = 0x49484156454F5054L;
    private static final long OPTION_REPLY_MAGIC = 0x0003e889045565a9L;
    private static final int REQUEST_MAGIC = 0x25609513;
    private static final int SIMPLE_REPLY_MAGIC = 0x67446698;
    private static final int STRUCTURED_REPLY_MAGIC = 0x668e33ef;
    private static final int FLAG_FIXED_NEWSTYLE = 1;
    private static final int FLAG_NO_ZEROES = 2;
    private static final int OPT_GO = 7;
    private static final int OPT_STRUCTURED_REPLY = 8;
    private static final int OPT_SET_META_CONTEXT = 10;
    private static final int REP_ACK = 1;
    private static final int REP_INFO = 3;
    private static final int REP_META_CONTEXT = 4;
    private static final int INFO_EXPORT = 0;
    private static final short CMD_READ = 0;
    private static final short CMD_DISC = 2;
    private static final short CMD_BLOCK_STATUS = 7;
    private static final int REPLY_FLAG_DONE = 1;
    private static final int REPLY_NONE = 0;
    private static final int REPLY_OFFSET_DATA = 1;
    private static final int REPLY_OFFSET_HOLE = 2;
    private static final int REPLY_BLOCK_STATUS = 5;
    private static final int REQUEST_SIZE = 256 << 10;
    private static final int IN_FLIGHT = 8;
    private static final long MAX_STATUS_SPAN = 1L << 30;
    private static final byte[] ZEROS = new byte[64 << 10];

    private final SocketChannel channel;
    private final Map<String, Integer> contexts;
    private final long size;
    private final ByteBuffer header = ByteBuffer.allocate(32);
    private long cookie;

    private NbdClient(SocketChannel channel, Map<String, Integer> contexts, long size) {
        this.channel = channel;
        this.contexts = contexts;
        this.size = size;
    }

    /** Connects to {@code export} at {@code socket}, asking for the given meta contexts. */
    static NbdClient connect(Path socket, String export, List<String> metaContexts) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return handshake(channel, export, metaContexts);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static NbdClient handshake(SocketChannel channel, String export, List<String> metaContexts)
            throws IOException {
        ByteBuffer greeting = readFully(channel, 18);
        if (greeting.getLong() != NBDMAGIC || greeting.getLong() != IHAVEOPT) {
            throw new IOException("not a newstyle NBD server");
        }
        int serverFlags = greeting.getShort() & 0xffff;
        if ((serverFlags & FLAG_FIXED_NEWSTYLE) == 0) {
            throw new IOException("NBD server lacks fixed newstyle negotiation");
        }
        writeFully(channel, ByteBuffer.allocate(4).putInt(FLAG_FIXED_NEWSTYLE | (serverFlags & FLAG_NO_ZEROES)).flip());

        sendOption(channel, OPT_STRUCTURED_REPLY, ByteBuffer.allocate(0));
        expectAck(OPT_STRUCTURED_REPLY, readOptionReply(channel, OPT_STRUCTURED_REPLY));

        byte[] name = export.getBytes(StandardCharsets.UTF_8);
        Map<String, Integer> contexts = new HashMap<>();
        if (!metaContexts.isEmpty()) {
            List<byte[]> queries = metaContexts.stream().map(q -> q.getBytes(StandardCharsets.UTF_8)).toList();
            int length = 8 + name.length + queries.stream().mapToInt(q -> 4 + q.length).sum();
            ByteBuffer payload = ByteBuffer.allocate(length).putInt(name.length).put(name).putInt(queries.size());
            queries.forEach(q -> payload.putInt(q.length).put(q));
            sendOption(channel, OPT_SET_META_CONTEXT, payload.flip());
            for (OptionReply reply = readOptionReply(channel, OPT_SET_META_CONTEXT); reply.type != REP_ACK;
                    reply = readOptionReply(channel, OPT_SET_META_CONTEXT)) {
                if (reply.type == REP_META_CONTEXT) {
                    int id = reply.data.getInt();
                    contexts.put(StandardCharsets.UTF_8.decode(reply.data).toString(), id);
                } else {
                    throw reply.failure(OPT_SET_META_CONTEXT);
                }
            }
            for (String wanted : metaContexts) {
                if (!contexts.containsKey(wanted)) {
                    throw new IOException("NBD export '" + export + "' does not offer meta context " + wanted);
                }
            }
        }

        sendOption(channel, OPT_GO, ByteBuffer.allocate(6 + name.length).putInt(name.length).put(name)
                .putShort((short) 0).flip());
        long size = -1;
        for (OptionReply reply = readOptionReply(channel, OPT_GO); reply.type != REP_ACK;
                reply = readOptionReply(channel, OPT_GO)) {
            if (reply.type != REP_INFO) {
                throw reply.failure(OPT_GO);
            }
            if (reply.data.getShort() == INFO_EXPORT) {
                size = reply.data.getLong();
            }
        }
        if (size < 0) {
            throw new IOException("NBD server did not report the size of export '" + export + "'");
        }
        return new NbdClient(channel, Map.copyOf(contexts), size);
    }

    long size() {
        return size;
    }

    /**
     * The ranges of the whole export whose status flags in meta context {@code context} satisfy
     * {@code wanted}, adjacent ranges merged, in ascending order.
     */
    List<Extent> extents(String context, IntPredicate wanted) throws IOException {
        Integer id = contexts.get(context);
        if (id == null) {
            throw new IllegalStateException("meta context " + context + " was not negotiated");
        }
        List<Extent> extents = new ArrayList<>();
        long offset = 0;
        while (offset < size) {
            long handle = request(CMD_BLOCK_STATUS, offset, (int) Math.min(MAX_STATUS_SPAN, size - offset));
            long position = offset;
            boolean last = false;
            while (!last) {
                Chunk chunk = readChunk(handle);
                last = chunk.done;
                if (chunk.type == REPLY_BLOCK_STATUS) {
                    ByteBuffer payload = readFully(channel, chunk.length);
                    if (payload.getInt() != id) {
                        continue;
                    }
                    while (payload.remaining() >= 8) {
                        long length = Integer.toUnsignedLong(payload.getInt());
                        int flags = payload.getInt();
                        long end = Math.min(size, position + length);
                        if (wanted.test(flags) && end > position) {
                            add(extents, position, end - position);
                        }
                        position = end;
                    }
                } else if (chunk.type != REPLY_NONE) {
                    throw new IOException("unexpected NBD reply type " + chunk.type + " to block status");
                }
            }
            if (position <= offset) {
                throw new IOException("NBD server made no progress on block status at offset " + offset);
            }
            offset = position;
        }
        return extents;
    }

    /**
     * Reads {@code dst.remaining()} bytes starting at {@code offset}; holes come back as zeros. The
     * range goes out as requests of {@value #REQUEST_SIZE} bytes, up to {@value #IN_FLIGHT} of them
     * at once, whose replies QEMU may send in any order: on a busy host QEMU's NBD server answered
     * 1 MiB requests one at a time at about 100 MiB/s and 256 KiB ones, pipelined, about 5 times
     * faster ({@code nbdcopy --request-size}, same export).
     */
    void read(long offset, ByteBuffer dst) throws IOException {
        if (offset < 0 || offset + dst.remaining() > size) {
            throw new IOException("read of " + dst.remaining() + " bytes at " + offset + " is outside the disk of "
                    + size + " bytes");
        }
        int base = dst.position();
        int total = dst.remaining();
        Map<Long, Pending> pending = new HashMap<>();
        int sent = 0;
        while (sent < total || !pending.isEmpty()) {
            while (sent < total && pending.size() < IN_FLIGHT) {
                int length = Math.min(REQUEST_SIZE, total - sent);
                long handle = request(CMD_READ, offset + sent, length);
                pending.put(handle, new Pending(offset + sent, dst.slice(base + sent, length)));
                sent += length;
            }
            Chunk chunk = readChunk();
            Pending target = pending.get(chunk.handle);
            if (target == null) {
                throw new IOException("NBD reply for request " + chunk.handle + ", which is not pending");
            }
            receive(chunk, target);
            if (chunk.done) {
                pending.remove(chunk.handle);
            }
        }
        dst.position(base + total);
    }

    /** One read request on the wire: where it starts and where its bytes go. */
    private record Pending(long offset, ByteBuffer window) {
    }

    private void receive(Chunk chunk, Pending request) throws IOException {
        int length = request.window.capacity();
        if (chunk.simple) {
            readInto(request.window, 0, length);
            return;
        }
        switch (chunk.type) {
            case REPLY_OFFSET_DATA -> {
                long at = readFully(channel, 8).getLong();
                readInto(request.window, checkedPosition(request.offset, at, chunk.length - 8, length),
                        chunk.length - 8);
            }
            case REPLY_OFFSET_HOLE -> {
                ByteBuffer hole = readFully(channel, 12);
                long at = hole.getLong();
                int holeLength = hole.getInt();
                int start = checkedPosition(request.offset, at, holeLength, length);
                for (int done = 0; done < holeLength; done += ZEROS.length) {
                    request.window.put(start + done, ZEROS, 0, Math.min(ZEROS.length, holeLength - done));
                }
            }
            case REPLY_NONE -> {
            }
            default -> throw new IOException("unexpected NBD reply type " + chunk.type + " to read");
        }
    }

    private static int checkedPosition(long requestOffset, long chunkOffset, long chunkLength, int requestLength)
            throws IOException {
        long start = chunkOffset - requestOffset;
        if (start < 0 || start + chunkLength > requestLength) {
            throw new IOException("NBD server answered outside the requested range");
        }
        return (int) start;
    }

    private void readInto(ByteBuffer window, int start, int length) throws IOException {
        ByteBuffer target = window.slice(start, length);
        while (target.hasRemaining()) {
            if (channel.read(target) < 0) {
                throw new EOFException("NBD server closed the connection");
            }
        }
    }

    private long request(short type, long offset, int length) throws IOException {
        long handle = ++cookie;
        header.clear().putInt(REQUEST_MAGIC).putShort((short) 0).putShort(type).putLong(handle)
                .putLong(offset).putInt(length).flip();
        writeFully(channel, header);
        return handle;
    }

    private record Chunk(long handle, boolean simple, boolean done, int type, int length) {
    }

    /** Reads the header of the next reply chunk of request {@code handle}. */
    private Chunk readChunk(long handle) throws IOException {
        Chunk chunk = readChunk();
        checkHandle(handle, chunk.handle);
        return chunk;
    }

    /** Reads one reply header (simple or structured); an error reply throws with the server's message. */
    private Chunk readChunk() throws IOException {
        int magic = readFully(channel, 4).getInt();
        if (magic == SIMPLE_REPLY_MAGIC) {
            ByteBuffer rest = readFully(channel, 12);
            int error = rest.getInt();
            long handle = rest.getLong();
            if (error != 0) {
                throw new IOException("NBD request failed with error " + error);
            }
            return new Chunk(handle, true, true, REPLY_NONE, 0);
        }
        if (magic != STRUCTURED_REPLY_MAGIC) {
            throw new IOException("bad NBD reply magic " + Integer.toHexString(magic));
        }
        ByteBuffer rest = readFully(channel, 16);
        int flags = rest.getShort() & 0xffff;
        int type = rest.getShort() & 0xffff;
        long handle = rest.getLong();
        int length = rest.getInt();
        if ((type & 0x8000) != 0) {
            ByteBuffer payload = readFully(channel, length);
            int error = payload.getInt();
            int messageLength = payload.getShort() & 0xffff;
            byte[] message = new byte[Math.min(messageLength, payload.remaining())];
            payload.get(message);
            throw new IOException("NBD request failed with error " + error + ": "
                    + new String(message, StandardCharsets.UTF_8));
        }
        return new Chunk(handle, false, (flags & REPLY_FLAG_DONE) != 0, type, length);
    }

    private static void checkHandle(long expected, long actual) throws IOException {
        if (expected != actual) {
            throw new IOException("NBD reply for request " + actual + " while waiting for " + expected);
        }
    }

    private static void add(List<Extent> extents, long offset, long length) {
        if (!extents.isEmpty()) {
            Extent last = extents.getLast();
            if (last.end() == offset) {
                extents.set(extents.size() - 1, new Extent(last.offset(), last.length() + length));
                return;
            }
        }
        extents.add(new Extent(offset, length));
    }

    private record OptionReply(int type, ByteBuffer data) {
        IOException failure(int option) {
            String message = StandardCharsets.UTF_8.decode(data).toString();
            return new IOException("NBD option " + option + " refused (reply " + Integer.toHexString(type) + ")"
                    + (message.isEmpty() ? "" : ": " + message));
        }
    }

    private static void sendOption(SocketChannel channel, int option, ByteBuffer payload) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(16).putLong(IHAVEOPT).putInt(option).putInt(payload.remaining()).flip();
        writeFully(channel, header);
        writeFully(channel, payload);
    }

    private static OptionReply readOptionReply(SocketChannel channel, int option) throws IOException {
        ByteBuffer header = readFully(channel, 20);
        if (header.getLong() != OPTION_REPLY_MAGIC || header.getInt() != option) {
            throw new IOException("bad NBD option reply");
        }
        int type = header.getInt();
        ByteBuffer data = readFully(channel, header.getInt());
        OptionReply reply = new OptionReply(type, data);
        if ((type & 0x80000000) != 0) {
            throw reply.failure(option);
        }
        return reply;
    }

    private static void expectAck(int option, OptionReply reply) throws IOException {
        if (reply.type != REP_ACK) {
            throw reply.failure(option);
        }
    }

    private static ByteBuffer readFully(SocketChannel channel, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("NBD server closed the connection");
            }
        }
        return buffer.flip();
    }

    private static void writeFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Says goodbye (NBD_CMD_DISC) if the server still listens, and closes the socket. */
    @Override
    public void close() throws IOException {
        try (channel) {
            if (channel.isOpen() && channel.isConnected()) {
                request(CMD_DISC, 0, 0);
            }
        } catch (IOException gone) {
            // the server went first (machine stopped, job ended): nothing left to say goodbye to
        }
    }
}
