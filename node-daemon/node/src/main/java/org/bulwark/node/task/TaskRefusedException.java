package org.bulwark.node.task;

import org.bulwark.api.node.NodeError;

/** The runner did not accept a submission or a cancel request. */
public class TaskRefusedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final NodeError.Code code;

    public TaskRefusedException(NodeError.Code code, String message) {
        super(message);
        this.code = code;
    }

    public NodeError.Code code() {
        return code;
    }

    public NodeError toError() {
        return new NodeError(code, getMessage());
    }
}
