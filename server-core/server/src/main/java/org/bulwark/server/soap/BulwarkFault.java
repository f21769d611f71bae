package org.bulwark.server.soap;

import jakarta.xml.ws.WebFault;

/** A refused or failed SOAP call; its detail is the API's error (status, code, message). */
@WebFault(name = "BulwarkFault", targetNamespace = BulwarkSoap.NAMESPACE)
public class BulwarkFault extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient SoapError faultInfo;

    public BulwarkFault(String message, SoapError faultInfo) {
        super(message);
        this.faultInfo = faultInfo;
    }

    public BulwarkFault(String message, SoapError faultInfo, Throwable cause) {
        super(message, cause);
        this.faultInfo = faultInfo;
    }

    public SoapError getFaultInfo() {
        return faultInfo;
    }
}
