package org.bulwark.server.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import org.bulwark.api.ApiError;

/** The API's error model ({@link ApiError}) as the detail of a SOAP fault. */
@XmlAccessorType(XmlAccessType.FIELD)
public class SoapError {
    public int status;
    public String code;
    public String message;
}
