package org.bulwark.repository.format;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bulwark.repository.Backup;
import org.bulwark.repository.BackupKind;
import org.bulwark.repository.CatalogEntry;
import org.bulwark.repository.EntryType;
import org.bulwark.repository.SourceError;

/** Binary encoding of a backup record ({@code backups/<id>}): header, errors and catalog. */
public final class BackupRecords {
    private static final int VERSION = 1;

    private BackupRecords() {
    }

    public static String objectName(String backupId) {
        return "backups/" + backupId;
    }

    public static byte[] encode(Backup b) {
        try {
            var buf = Codec.buffer();
            var out = new DataOutputStream(buf);
            out.writeByte(VERSION);
            Codec.writeString(out, b.id());
            out.writeLong(b.created().toEpochMilli());
            Codec.writeString(out, b.label());
            Codec.writeString(out, b.host());
            out.writeByte(b.kind().ordinal());
            Codec.writeString(out, b.parent() == null ? "" : b.parent());
            Codec.writeString(out, b.source());
            out.writeLong(b.logicalBytes());
            out.writeLong(b.newBytes());
            out.writeLong(b.readBytes());
            out.write(b.manifestDigest());
            out.writeInt(b.errors().size());
            for (SourceError e : b.errors()) {
                Codec.writeString(out, e.path());
                Codec.writeString(out, e.message());
            }
            out.writeInt(b.entries().size());
            for (CatalogEntry e : b.entries()) {
                Codec.writeString(out, e.path());
                out.writeByte(e.type().ordinal());
                out.writeInt(e.mode());
                out.writeLong(e.mtimeNanos());
                out.writeLong(e.size());
                Codec.writeString(out, e.linkTarget());
                out.writeInt(e.item());
            }
            return buf.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Backup decode(String name, byte[] plain) throws CorruptObjectException {
        try {
            var in = new DataInputStream(new ByteArrayInputStream(plain));
            if (in.readUnsignedByte() != VERSION) {
                throw new CorruptObjectException(name, "unknown backup record version");
            }
            String id = Codec.readString(in);
            Instant created = Instant.ofEpochMilli(in.readLong());
            String label = Codec.readString(in);
            String host = Codec.readString(in);
            BackupKind kind = BackupKind.values()[in.readUnsignedByte()];
            String parent = Codec.readString(in);
            String source = Codec.readString(in);
            long logical = in.readLong();
            long added = in.readLong();
            long read = in.readLong();
            byte[] digest = Codec.readExactly(in, 32);
            int ne = in.readInt();
            List<SourceError> errors = new ArrayList<>();
            for (int i = 0; i < ne; i++) {
                errors.add(new SourceError(Codec.readString(in), Codec.readString(in)));
            }
            int n = in.readInt();
            List<CatalogEntry> entries = new ArrayList<>(Math.min(n, 1 << 16));
            for (int i = 0; i < n; i++) {
                entries.add(new CatalogEntry(Codec.readString(in), EntryType.values()[in.readUnsignedByte()], in.readInt(),
                        in.readLong(), in.readLong(), Codec.readString(in), in.readInt()));
            }
            return new Backup(id, created, label, host, kind, parent.isEmpty() ? null : parent, source, logical, added, read,
                    digest, errors, entries);
        } catch (CorruptObjectException e) {
            throw e;
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            throw new CorruptObjectException(name, "truncated or malformed backup record");
        }
    }
}
