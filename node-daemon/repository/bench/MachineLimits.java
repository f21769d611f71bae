import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.RandomAccessFile;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-core throughput of the engine's building blocks on this machine, on the first 256 MiB of the
 * benchmark image (its random/zero/text mix): SHA-256, HMAC-SHA-256, AES-256-GCM, zstd level 3
 * compression (zero blocks excluded, as the engine skips them). Run as a single-file program:
 * {@code java -cp 'lib/*' MachineLimits.java disk.img}.
 */
public class MachineLimits {
    public static void main(String[] args) throws Exception {
        int mib = 1 << 20;
        byte[][] blocks;
        try (RandomAccessFile f = new RandomAccessFile(args[0], "r")) {
            blocks = new byte[(int) Math.min(256, f.length() / mib)][];
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = new byte[mib];
                f.readFully(blocks[i]);
            }
        }
        byte[] zero = new byte[mib];
        java.util.List<byte[]> nonZero = java.util.Arrays.stream(blocks).filter(b -> !java.util.Arrays.equals(b, zero)).toList();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        ZstdCompressCtx z = new ZstdCompressCtx().setLevel(3);
        byte[] out = new byte[(int) Zstd.compressBound(mib) + 32];
        for (int round = 0; round < 2; round++) {
            boolean print = round == 1;
            measure(print, "sha256", blocks.length, () -> { for (byte[] b : blocks) sha.digest(b); });
            measure(print, "hmac-sha256", blocks.length, () -> { for (byte[] b : blocks) hmac.doFinal(b); });
            measure(print, "aes-256-gcm (64 KiB slices)", blocks.length, () -> {
                byte[] iv = new byte[12];
                for (byte[] b : blocks) {
                    iv[0]++;
                    iv[1] = (byte) (iv[0] == 0 ? iv[1] + 1 : iv[1]);
                    for (int p = 0; p < b.length; p += 65536) { // 64 KiB slices, as the engine encrypts
                        iv[11]++;
                        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[32], "AES"), new GCMParameterSpec(128, iv));
                        gcm.doFinal(b, p, Math.min(65536, b.length - p), out, 0);
                    }
                }
            });
            measure(print, "zstd-3 (non-zero blocks)", nonZero.size(), () -> { for (byte[] b : nonZero) z.compressByteArray(out, 0, out.length, b, 0, b.length); });
        }
    }

    interface Work { void run() throws Exception; }

    static void measure(boolean print, String name, int mib, Work w) throws Exception {
        long t = System.nanoTime();
        w.run();
        double s = (System.nanoTime() - t) / 1e9;
        if (print) {
            System.out.printf("%-26s %8.0f MiB/s per core%n", name, mib / s);
        }
    }
}
