package dev.mcpolicy.finding;

/** The Kubernetes object a finding is about (namespace null for cluster-scoped objects). */
public record ObjectRef(String apiVersion, String kind, String name, String namespace) {
    public String display() {
        return kind + "/" + name;
    }
}
