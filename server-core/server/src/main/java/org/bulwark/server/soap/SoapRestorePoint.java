package org.bulwark.server.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import org.bulwark.api.RestorePoint;

/** {@link RestorePoint} for SOAP. */
@XmlAccessorType(XmlAccessType.FIELD)
public class SoapRestorePoint {
    public String id;
    public String vmId;
    public String vmName;
    public String createdAt;
    public String kind;
    public long bytesRead;
    public long bytesWritten;
    public long logicalBytes;
    public String nodeId;
    public String nodeName;
    public String destination;
    public String policyId;
    public String taskId;
}
