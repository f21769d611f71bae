package org.bulwark.server.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import org.bulwark.api.RestoreRequest;

/** {@link RestoreRequest} for SOAP: into a folder on the node, with {@code importVm} defined again on the hypervisor. */
@XmlAccessorType(XmlAccessType.FIELD)
public class SoapRestoreRequest {
    public String folder;
    public String format;
    public String name;
    public boolean importVm;
    public boolean start;
    public boolean overwrite;
    public String passphrase;
    public String passphraseFile;
}
