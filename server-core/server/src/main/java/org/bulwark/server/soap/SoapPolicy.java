package org.bulwark.server.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import java.util.List;
import org.bulwark.api.Policy;

/** {@link Policy} for SOAP. */
@XmlAccessorType(XmlAccessType.FIELD)
public class SoapPolicy {
    public String id;
    public String name;
    public List<String> vmIds;
    public List<String> namePatterns;
    public List<String> tags;
    public List<String> selectedVmIds;
    public String destination;
    public String passphraseFile;
    public List<SoapSchedule> schedules;
    public SoapRetention retention;
    public int fullEvery;
    public boolean enabled;
    public SoapBackupCommands commands;
}
