package org.bulwark.server.soap;

import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.xml.sax.SAXException;

/**
 * Keeps the log readable when callers send broken SOAP: a fault the caller caused (malformed XML,
 * a refused DTD, an unknown operation) becomes one line without a stack trace, while faults of
 * the server itself keep CXF's full report.
 */
final class ClientFaults implements FaultListener {
    private static final Logger LOG = Logger.getLogger(ClientFaults.class.getName());

    @Override
    public boolean faultOccurred(Exception exception, String description, Message message) {
        if (!causedByCaller(exception)) {
            return true;
        }
        LOG.log(Level.INFO, "Refused a SOAP request: {0}", rootMessage(exception));
        return false;
    }

    static boolean causedByCaller(Throwable exception) {
        if (exception instanceof Fault fault && fault.getFaultCode() != null) {
            String code = fault.getFaultCode().getLocalPart();
            if (code.equals("Client") || code.equals("Sender")) {
                return true;
            }
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof XMLStreamException || cause instanceof SAXException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ");
    }
}
