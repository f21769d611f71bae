package org.bulwark.node.kvm.importer;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * A virtual machine ready to be defined from a saved definition.
 *
 * @param name      the new machine's name
 * @param uuid      its new UUID
 * @param domainXml the rewritten definition (new name, UUID, MAC addresses, disk paths)
 * @param disks     per guest device ({@code vda}), the image file the restore must write before
 *                  {@link Importer#define}; all inside the chosen folder
 * @param format    the image format those files must have ({@code qcow2} or {@code raw})
 */
public record ImportPlan(String name, UUID uuid, String domainXml, Map<String, Path> disks, String format) {
    public ImportPlan {
        disks = Map.copyOf(disks);
    }
}
