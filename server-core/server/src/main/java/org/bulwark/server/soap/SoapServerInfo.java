package org.bulwark.server.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import org.bulwark.api.ServerInfo;

/** {@link ServerInfo} for SOAP. */
@XmlAccessorType(XmlAccessType.FIELD)
public class SoapServerInfo {
    public String product;
    public String version;
    public String javaVersion;
    public String databaseVersion;
    public String startedAt;
}
