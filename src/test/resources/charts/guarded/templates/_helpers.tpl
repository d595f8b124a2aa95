{{- define "guarded.name" -}}{{ .Release.Name }}-guarded{{- end -}}
