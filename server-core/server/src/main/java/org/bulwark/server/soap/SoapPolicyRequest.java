package org.bulwark.server.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import java.util.List;
import org.bulwark.api.PolicyRequest;

/** {@link PolicyRequest} for SOAP: creates or replaces a policy. */
@XmlAccessorType(XmlAccessType.FIELD)
public class SoapPolicyRequest {
    public String name;
    public List<String> vmIds;
    public List<String> namePatterns;
    public List<String> tags;
    public String destination;
    public String passphraseFile;
    public List<String> schedules;
    public SoapRetention retention;
    public int fullEvery;
    public boolean enabled;
    public SoapBackupCommands commands;
}
