{{/* Names */}}
{{- define "amtsraum.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "amtsraum.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "amtsraum.component" -}}
{{- printf "%s-%s" (include "amtsraum.fullname" .root) .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "amtsraum.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "amtsraum.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* Selector labels of one component: app, livekit, redis, postgresql, kafka */}}
{{- define "amtsraum.selectorLabels" -}}
app.kubernetes.io/name: {{ include "amtsraum.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "amtsraum.secretName" -}}
{{- default (include "amtsraum.fullname" .) .Values.secrets.existingSecret -}}
{{- end -}}

{{- define "amtsraum.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "amtsraum.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "amtsraum.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{/* Database host: the in-chart PostgreSQL or the external one */}}
{{- define "amtsraum.databaseHost" -}}
{{- if .Values.postgresql.enabled -}}
{{- include "amtsraum.component" (dict "root" . "component" "postgresql") -}}
{{- else -}}
{{- required "database.host is required (or postgresql.enabled for evaluation)" .Values.database.host -}}
{{- end -}}
{{- end -}}

{{- define "amtsraum.jdbcUrl" -}}
{{- $port := ternary 5432 .Values.database.port .Values.postgresql.enabled -}}
{{- $url := printf "jdbc:postgresql://%s:%v/%s" (include "amtsraum.databaseHost" .) $port .Values.database.name -}}
{{- if and .Values.database.parameters (not .Values.postgresql.enabled) -}}
{{- printf "%s?%s" $url .Values.database.parameters -}}
{{- else -}}
{{- $url -}}
{{- end -}}
{{- end -}}

{{- define "amtsraum.kafkaBootstrap" -}}
{{- if .Values.kafkaBroker.enabled -}}
{{- printf "%s:9092" (include "amtsraum.component" (dict "root" . "component" "kafka")) -}}
{{- else -}}
{{- .Values.kafka.bootstrapServers -}}
{{- end -}}
{{- end -}}

{{- define "amtsraum.redisAddress" -}}
{{- if .Values.redis.enabled -}}
{{- printf "%s:6379" (include "amtsraum.component" (dict "root" . "component" "redis")) -}}
{{- else -}}
{{- required "livekit.enabled needs redis.enabled or redis.externalAddress" .Values.redis.externalAddress -}}
{{- end -}}
{{- end -}}

{{- define "amtsraum.livekitWebhookUrl" -}}
{{- default (printf "http://%s:%v/api/v1/livekit/webhook" (include "amtsraum.fullname" .) .Values.service.port) .Values.livekit.webhookUrl -}}
{{- end -}}

{{/*
A secret value: the one given in values, else the one already in the cluster (kept across
upgrades), else a new random one. Args: root, key (Secret key), value (from values), length.
*/}}
{{- define "amtsraum.secretValue" -}}
{{- $existing := lookup "v1" "Secret" .root.Release.Namespace (include "amtsraum.fullname" .root) -}}
{{- if .value -}}
{{- .value | b64enc -}}
{{- else if and $existing (hasKey $existing.data .key) -}}
{{- index $existing.data .key -}}
{{- else -}}
{{- randAlphaNum (int .length) | b64enc -}}
{{- end -}}
{{- end -}}

{{/* Env entry from the platform Secret */}}
{{- define "amtsraum.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ include "amtsraum.secretName" .root }}
      key: {{ .key }}
{{- if .optional }}
      optional: true
{{- end }}
{{- end -}}
