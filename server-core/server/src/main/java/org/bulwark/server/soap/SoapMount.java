package org.bulwark.server.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import java.util.List;
import org.bulwark.api.Mount;

/** {@link Mount} for SOAP. */
@XmlAccessorType(XmlAccessType.FIELD)
public class SoapMount {
    public String id;
    public String restorePointId;
    public String vmId;
    public String vmName;
    public String disk;
    public long size;
    public String nbdUri;
    public String nodeId;
    public String nodeName;
    public String opened;
    public List<SoapMountPartition> partitions;
}
