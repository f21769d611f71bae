package org.bulwark.server.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import org.bulwark.api.Session;

/** {@link Session} for SOAP; {@code expiresAt} is ISO-8601. */
@XmlAccessorType(XmlAccessType.FIELD)
public class SoapSession {
    public String token;
    public String username;
    public String role;
    public String expiresAt;
}
