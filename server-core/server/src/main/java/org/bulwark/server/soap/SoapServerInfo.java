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

    public SoapServerInfo() {
    }

    SoapServerInfo(ServerInfo info) {
        product = info.product();
        version = info.version();
        javaVersion = info.javaVersion();
        databaseVersion = info.databaseVersion();
        startedAt = SoapTypes.text(info.startedAt());
    }
}
