package org.bulwark.server.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import org.bulwark.api.Node;

/** {@link Node} for SOAP. */
@XmlAccessorType(XmlAccessType.FIELD)
public class SoapNode {
    public String id;
    public String name;
    public String host;
    public int sshPort;
    public String state;
    public String version;
    public int capacity;
    public int runningTasks;
    public String hostKeyFingerprint;
    public String lastSeen;
    public String statusMessage;
}
