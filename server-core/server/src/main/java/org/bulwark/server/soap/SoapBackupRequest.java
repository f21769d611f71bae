package org.bulwark.server.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import org.bulwark.api.BackupRequest;

/** {@link BackupRequest} for SOAP: by a policy ({@code policyId}), or with a destination and passphrase (or passphrase file). */
@XmlAccessorType(XmlAccessType.FIELD)
public class SoapBackupRequest {
    public String policyId;
    public String destination;
    public String passphrase;
    public String passphraseFile;
    public boolean full;
}
