package org.bulwark.server.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import org.bulwark.api.SnapshotRequest;

/** {@link SnapshotRequest} for SOAP: {@code create} with a label (and keep), or {@code revert} to a snapshot. */
@XmlAccessorType(XmlAccessType.FIELD)
public class SoapSnapshotRequest {
    public String action;
    public String label;
    public int keep;
    public String snapshot;
}
