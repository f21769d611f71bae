package org.bulwark.api;

/**
 * Restores a restore point's disks into {@code folder} on the node, as {@code format} ({@code raw} or
 * {@code qcow2}) files named after {@code name} (default: the VM's name). With {@code importVm} the VM
 * is defined again from them afterwards ({@code start} it, or {@code overwrite} the original). The
 * passphrase of a backup on demand comes with the request; a policy's backups use its passphrase file.
 */
public record RestoreRequest(String folder, String format, String name, boolean importVm, boolean start,
                             boolean overwrite, String passphrase, String passphraseFile) {
    @Override
    public String toString() {
        return "RestoreRequest[folder=" + folder + ", format=" + format + ", name=" + name + ", importVm=" + importVm
                + ", start=" + start + ", overwrite=" + overwrite + ", passphrase=" + (passphrase == null ? null : "***")
                + ", passphraseFile=" + passphraseFile + "]";
    }
}
