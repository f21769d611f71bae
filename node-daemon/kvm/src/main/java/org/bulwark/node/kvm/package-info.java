/**
 * The node's KVM library: a libvirt connection ({@link org.bulwark.node.kvm.Hypervisor}) and the
 * inventory of its virtual machines ({@link org.bulwark.node.kvm.VirtualMachine}). Sub-packages:
 * {@code export} (full and incremental backups), {@code snapshot} (persisted snapshots),
 * {@code importer} (define a machine again from its saved XML), {@code xml} (safe XML handling).
 *
 * <p>libvirt-java 0.5.4 binds the backup and checkpoint calls ({@code virDomainBackupBegin},
 * {@code virDomainBackupGetXMLDesc}, {@code virDomainCheckpointCreateXML}, lookup, list, delete)
 * over JNA itself, so this library uses them from there instead of binding {@code libvirt.so} a
 * second time.
 */
package org.bulwark.node.kvm;
