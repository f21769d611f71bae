package org.bulwark.server.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import java.util.List;
import org.bulwark.api.Vm;

/** {@link Vm} for SOAP; a vanished VM has {@code present=false}. */
@XmlAccessorType(XmlAccessType.FIELD)
public class SoapVm {
    public String id;
    public String hypervisorId;
    public String name;
    public String uuid;
    public String state;
    public int vcpus;
    public long memoryBytes;
    public List<SoapVmDisk> disks;
    public List<String> tags;
    public boolean present;
    public String lastSeenAt;
}
