{{- define "toolbox.labels" -}}
app.kubernetes.io/name: toolbox
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}
