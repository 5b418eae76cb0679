package vn.ubkt.casework.command.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Sends a command with the acting user and the correlation id as metadata, and waits for its result. */
@Component
public class CommandSender {

    private final CommandGateway gateway;
    private final HttpServletRequest request;

    CommandSender(CommandGateway gateway, HttpServletRequest request) {
        this.gateway = gateway;
        this.request = request;
    }

    public <R> R send(Object command) {
        RequestContext context = RequestContext.of(request);
        var message = GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                MessageMetadata.ACTOR, context.actor(),
                MessageMetadata.ACTOR_NAME, context.actorName(),
                MessageMetadata.ACTOR_COMMITTEE, context.actorCommittee(),
                MessageMetadata.CORRELATION_ID, context.correlationId()));
        try {
            return gateway.sendAndWait(message);
        } catch (CommandExecutionException e) {
            // a handler's own exception travels as the cause (or as details when it crossed a process)
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
