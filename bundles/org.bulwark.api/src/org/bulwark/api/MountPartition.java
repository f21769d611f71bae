package org.bulwark.api;

/**
 * A partition of a mounted disk.
 *
 * @param number 1-based (MBR primary 1-4, logical from 5, GPT entry index + 1); 0 for the whole disk
 * @param scheme {@code mbr}, {@code gpt} or {@code none}
 * @param type MBR type byte ({@code 0x83}) or GPT type GUID
 * @param name GPT partition name, empty for MBR
 * @param offset first byte on the disk
 * @param length bytes
 * @param fileSystem {@code ext4}, {@code ext3}, {@code ext2} (browsable) or {@code unknown}
 */
public record MountPartition(int number, String scheme, String type, String name, long offset, long length,
                             String fileSystem) {
}
