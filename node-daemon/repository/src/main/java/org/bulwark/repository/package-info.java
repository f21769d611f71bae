/**
 * Bulwark's backup repository engine: deduplicated, compressed, optionally encrypted backups on a
 * {@link org.bulwark.repository.destination.Destination}, written once and verifiable.
 * <p>
 * Entry point: {@link org.bulwark.repository.Repository}.
 * <pre>{@code
 * Destination dest = new LocalDestination(Path.of("/backup/repo"));
 * try (Repository repo = Repository.open(dest, passphrase)) {
 *     Backup full = repo.backupImage(disk, BackupOptions.labelled("vm1/vda"));
 *     Backup inc = repo.backupImage(disk, BackupOptions.labelled("vm1/vda")
 *             .withParent(full.id()).withChanged(extentsFromCbt));
 *     repo.restore(inc, Path.of("/restore/vda.img"), RestoreOptions.defaults());
 *     InputStream in = repo.openContent(treeBackup, "etc/hosts");   // browse and download
 * }
 * }</pre>
 * The on-disk format is described byte by byte in {@code docs/repository-format.md}; the
 * command-line tool is {@link org.bulwark.repository.cli.RepositoryTool}.
 */
package org.bulwark.repository;
