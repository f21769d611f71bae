package org.bulwark.node.vm;

import java.nio.file.Path;

/**
 * What RESTORE and IMPORT share: the repository, the restore point (id or unique prefix), the
 * folder of the image files and their format. An image file is {@code <folder>/<name>-<device>.<format>},
 * the layout {@link org.bulwark.node.kvm.importer.Importer} expects.
 */
record RestoreTarget(RepositoryAccess access, String restorePoint, Path folder, String format) {

    static RestoreTarget of(Parameters parameters) {
        return new RestoreTarget(RepositoryAccess.of(parameters), parameters.required("restorePoint"),
                parameters.path("folder"), parameters.choice("format", "raw", "raw", "qcow2"));
    }

    /** The image file name of disk {@code device} of the machine (or file set) {@code name}. */
    String imageName(String name, String device) {
        return name + "-" + device + "." + format;
    }
}
