package org.bulwark.server.node;

/**
 * What the server learns when it enrolls a node.
 *
 * @param hostKey the node's SSH host public key in OpenSSH text form, to pin
 * @param hostKeyFingerprint its SHA-256 fingerprint ({@code SHA256:...}) for operators
 */
public record Enrollment(String hostKey, String hostKeyFingerprint, NodeInfo info) {
}
