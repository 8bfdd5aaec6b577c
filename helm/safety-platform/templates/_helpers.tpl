{{- define "safety-platform.labels" -}}
app.kubernetes.io/name: safety-platform
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}

{{- define "safety-platform.env" -}}
- name: DATABASE_URL
  valueFrom: { secretKeyRef: { name: {{ .Values.existingSecret }}, key: DATABASE_URL } }
- name: JWT_PRIVATE_KEY
  valueFrom: { secretKeyRef: { name: {{ .Values.existingSecret }}, key: JWT_PRIVATE_KEY } }
- name: JWT_PUBLIC_KEY
  valueFrom: { secretKeyRef: { name: {{ .Values.existingSecret }}, key: JWT_PUBLIC_KEY } }
- name: APP_BASE_URL
  value: {{ .Values.api.appBaseUrl | quote }}
- name: LOG_FORMAT
  value: {{ .Values.api.logFormat | quote }}
- name: RUST_LOG
  value: {{ .Values.api.rustLog | quote }}
{{- end -}}
