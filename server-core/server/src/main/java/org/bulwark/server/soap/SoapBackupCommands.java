package org.bulwark.server.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import java.util.List;
import org.bulwark.api.BackupCommands;

/** {@link BackupCommands} for SOAP: argument lists (one element per argument, no shell) and their timeout. */
@XmlAccessorType(XmlAccessType.FIELD)
public class SoapBackupCommands {
    public List<String> pre;
    public List<String> post;
    public int timeoutSeconds;
}
