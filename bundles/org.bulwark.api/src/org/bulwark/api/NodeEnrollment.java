package org.bulwark.api;

/**
 * Request to enroll a node: where its SSH endpoint listens and the one-time token it printed
 * at its first start.
 */
public record NodeEnrollment(String name, String host, int sshPort, String enrollmentToken) {
    @Override
    public String toString() {
        return "NodeEnrollment[name=" + name + ", host=" + host + ", sshPort=" + sshPort + ", enrollmentToken=***]";
    }
}
