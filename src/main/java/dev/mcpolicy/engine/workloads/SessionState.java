package dev.mcpolicy.engine.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.graph.Workload;

import java.util.Locale;

/**
 * Whether an MCP server keeps its sessions in process memory, so every request of a session must reach the same pod.
 * Read in this order: the annotation {@code mcpolicy.dev/session-state} on the workload or its pod template
 * ({@code memory} says yes; any other value, e.g. {@code external} or {@code stateless}, says no); else a container
 * env var {@code MCP_TRANSPORT} whose literal value is {@code sse}: the legacy HTTP+SSE transport holds the event
 * stream on one pod and posts each message to it by session id. Anything else counts as not in memory.
 */
public record SessionState(boolean inMemory, String reason) {
    public static final String ANNOTATION = "mcpolicy.dev/session-state";
    private static final SessionState UNKNOWN = new SessionState(false, "no session-state marker");

    /** The state of a workload, as its annotations and env say. */
    public static SessionState read(Workload workload) {
        JsonNode object = workload.object().node();
        String templatePointer = workload.podSpecPointer().substring(0,
                Math.max(0, workload.podSpecPointer().length() - "/spec".length()));
        JsonNode template = object.at(templatePointer);
        for (JsonNode holder : new JsonNode[] {object, template}) {
            JsonNode value = holder.path("metadata").path("annotations").path(ANNOTATION);
            if (value.isTextual() && !value.asText().isBlank()) {
                boolean memory = value.asText().trim().equalsIgnoreCase("memory");
                return new SessionState(memory, "annotation " + ANNOTATION + " is \"" + value.asText().trim() + "\"");
            }
        }
        JsonNode containers = workload.podSpec().path("containers");
        if (!containers.isArray()) {
            return UNKNOWN;
        }
        for (JsonNode container : containers) {
            for (JsonNode env : container.path("env")) {
                if ("MCP_TRANSPORT".equals(env.path("name").asText())
                        && env.path("value").asText("").trim().toLowerCase(Locale.ROOT).equals("sse")) {
                    return new SessionState(true, "container \"" + container.path("name").asText("?")
                            + "\" sets MCP_TRANSPORT=sse");
                }
            }
        }
        return UNKNOWN;
    }
}
