package org.bulwark.server.soap;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import java.util.List;

/**
 * The SOAP face of the API (a subset for integrations): the same services and the same
 * authorization as REST. The session token travels in the SOAP header element {@code token}.
 * Types are JAXB beans because JAXB cannot bind Java records.
 */
@WebService(name = "Bulwark", targetNamespace = BulwarkSoap.NAMESPACE)
public interface BulwarkSoap {
    String NAMESPACE = "urn:bulwark:soap:v1";

    /** Opens a session, as {@code AuthResource.login}. */
    @WebMethod
    @WebResult(name = "session")
    SoapSession login(@WebParam(name = "username") String username, @WebParam(name = "password") String password)
            throws BulwarkFault;

    /** As {@code SystemResource.info}. */
    @WebMethod
    @WebResult(name = "info")
    SoapServerInfo serverInfo(@WebParam(name = "token", header = true) String token) throws BulwarkFault;

    /** As {@code NodeResource.list}. */
    @WebMethod
    @WebResult(name = "node")
    List<SoapNode> listNodes(@WebParam(name = "token", header = true) String token) throws BulwarkFault;

    /** As {@code TaskResource.list}. */
    @WebMethod
    @WebResult(name = "task")
    List<SoapTask> listTasks(@WebParam(name = "token", header = true) String token) throws BulwarkFault;

    /** As {@code TaskResource.submit}; {@code nodeId} may be empty to let the server choose. */
    @WebMethod
    @WebResult(name = "task")
    SoapTask submitTask(@WebParam(name = "token", header = true) String token, @WebParam(name = "type") String type,
                        @WebParam(name = "nodeId") String nodeId) throws BulwarkFault;
}
