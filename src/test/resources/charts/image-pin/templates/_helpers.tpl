{{/* The proxy sidecar's image: repository and tag from values, the app version when no tag is set. */}}
{{- define "image-pin.sidecarImage" -}}
{{ .Values.sidecar.repository }}:{{ .Values.sidecar.tag | default .Chart.AppVersion }}
{{- end }}

{{- define "image-pin.registry" -}}
{{ .Values.helper.registry }}
{{- end }}

{{- define "image-pin.fetchImage" -}}
{{- with .Values.helper -}}
{{ include "image-pin.registry" $ }}/{{ .name }}:{{ .tag | default $.Chart.AppVersion }}
{{- end -}}
{{- end }}

{{- define "image-pin.image" -}}
{{ .image.repository }}:{{ .image.tag }}
{{- end }}
