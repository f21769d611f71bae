/**
 * The SSH adapter of the node port: {@link org.bulwark.server.node.ssh.SshNodeGateway} (Apache MINA
 * SSHD client, host keys pinned at enrollment, one session per node with heartbeats and back-off,
 * the node's loopback task API reached through local tunnels).
 */
package org.bulwark.server.node.ssh;
