package org.bulwark.node.mount.fs;

/**
 * A partition of a disk (or the whole disk when it holds a file system without a partition table).
 *
 * @param number     1-based: MBR primary 1-4, logical from 5, GPT entry index + 1; 0 for the whole disk
 * @param scheme     {@code mbr}, {@code gpt} or {@code none}
 * @param type       MBR type byte ({@code 0x83}) or GPT type GUID
 * @param name       GPT partition name, empty for MBR
 * @param offset     first byte on the disk
 * @param length     bytes
 * @param fileSystem what its first bytes say ({@code ext4}, {@code ext3}, {@code ext2} or {@code unknown})
 */
public record Partition(int number, String scheme, String type, String name, long offset, long length, String fileSystem) {

    /** Whether Bulwark can browse it. */
    public boolean browsable() {
        return fileSystem.startsWith("ext");
    }
}
