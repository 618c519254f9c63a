{{/* The applications, in the order they are rendered. Each is a values key, a module, an image and a Deployment. */}}
{{- define "careline.apps" -}}
customer complaint claim-care notification gateway
{{- end }}

{{/* The same ports in every Quarkus container: the API, and the management interface (health, metrics). */}}
{{- define "careline.httpPort" -}}8080{{- end }}
{{- define "careline.managementPort" -}}9000{{- end }}

{{/* Labels on everything the chart renders. */}}
{{- define "careline.commonLabels" -}}
app.kubernetes.io/part-of: careline
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end }}

{{/* Labels of one application; ctx: dict root name. */}}
{{- define "careline.labels" -}}
{{ include "careline.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
{{ include "careline.commonLabels" .root }}
{{- end }}

{{- define "careline.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{/* <registry>/<name>:<tag>, unless the app's values name another repository or tag. */}}
{{- define "careline.image" -}}
{{- $v := index .root.Values .name -}}
{{- $repo := $v.image.repository | default (printf "%s/%s" .root.Values.global.image.registry .name) -}}
{{- $tag := $v.image.tag | default .root.Values.global.image.tag | default .root.Chart.AppVersion -}}
{{ printf "%s:%s" $repo $tag }}
{{- end }}

{{/* Environment-variable form of a name: claim-care -> CLAIM_CARE */}}
{{- define "careline.envName" -}}
{{ . | upper | replace "-" "_" }}
{{- end }}

{{- define "careline.kafkaBootstrap" -}}
{{- if .Values.kafka.enabled -}}
{{ printf "%s-kafka-bootstrap:9093" .Values.kafka.name }}
{{- else -}}
{{ required "kafka.external.bootstrapServers is required when kafka.enabled=false" .Values.kafka.external.bootstrapServers }}
{{- end }}
{{- end }}

{{/* The Secret holding the brokers' CA (ca.crt), or nothing. */}}
{{- define "careline.kafkaCaSecret" -}}
{{- if .Values.kafka.enabled -}}
{{ printf "%s-cluster-ca-cert" .Values.kafka.name }}
{{- else -}}
{{ .Values.kafka.external.caSecret }}
{{- end }}
{{- end }}

{{- define "careline.pgHost" -}}
{{- if .Values.postgresql.enabled -}}
{{ printf "%s-rw" .Values.postgresql.name }}
{{- else -}}
{{ required "postgresql.external.host is required when postgresql.enabled=false" .Values.postgresql.external.host }}
{{- end }}
{{- end }}

{{- define "careline.pgPoolerHost" -}}
{{- if .Values.postgresql.enabled -}}
{{ printf "%s-pooler-rw" .Values.postgresql.name }}
{{- else -}}
{{ .Values.postgresql.external.poolerHost | default .Values.postgresql.external.host }}
{{- end }}
{{- end }}

{{- define "careline.pgPort" -}}
{{- if .Values.postgresql.enabled -}}5432{{- else -}}{{ .Values.postgresql.external.port }}{{- end }}
{{- end }}

{{- define "careline.pgCaSecret" -}}
{{- if .Values.postgresql.enabled -}}
{{ printf "%s-ca" .Values.postgresql.name }}
{{- else -}}
{{ .Values.postgresql.external.caSecret }}
{{- end }}
{{- end }}

{{/* The URL the services reach the realm at (in the cluster: the operator's Service, plain HTTP behind the policy). */}}
{{- define "careline.oidcServerUrl" -}}
{{- if .Values.keycloak.enabled -}}
{{ printf "http://%s-service:8080/realms/%s" .Values.keycloak.name .Values.keycloak.realm }}
{{- else -}}
{{ printf "%s/realms/%s" (required "keycloak.external.url is required when keycloak.enabled=false" .Values.keycloak.external.url) .Values.keycloak.realm }}
{{- end }}
{{- end }}

{{- define "careline.oidcIssuer" -}}
{{- if .Values.keycloak.enabled -}}
{{ printf "https://%s/realms/%s" .Values.keycloak.hostname .Values.keycloak.realm }}
{{- else -}}
{{ printf "%s/realms/%s" .Values.keycloak.external.url .Values.keycloak.realm }}
{{- end }}
{{- end }}

{{- define "careline.redisHosts" -}}
{{- if .Values.redis.enabled -}}
redis://careline-redis:6379
{{- else -}}
{{ required "redis.external.hosts is required when redis.enabled=false" .Values.redis.external.hosts }}
{{- end }}
{{- end }}

{{/* Seconds the kubelet grants a stopping pod: preStop sleep + Quarkus's own delay + its timeout + 5 s to exit. */}}
{{- define "careline.terminationGracePeriod" -}}
{{ add .Values.shutdown.delaySeconds .Values.shutdown.delaySeconds .Values.shutdown.timeoutSeconds 5 }}
{{- end }}

{{- define "careline.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.global.runAsUser }}
runAsGroup: {{ .Values.global.runAsUser }}
fsGroup: {{ .Values.global.runAsUser }}
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "careline.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop: [ALL]
{{- end }}

{{/* Egress to DNS, which every pod needs. */}}
{{- define "careline.dnsEgress" -}}
- to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: {{ .Values.networkPolicy.dnsNamespace }}
  ports:
    - {port: 53, protocol: UDP}
    - {port: 53, protocol: TCP}
{{- end }}

{{/* Egress to Keycloak (in-cluster pods, or the external rules). */}}
{{- define "careline.keycloakEgress" -}}
{{- if .Values.keycloak.enabled }}
- to:
    - podSelector:
        matchLabels:
          app: keycloak
          app.kubernetes.io/instance: {{ .Values.keycloak.name }}
  ports:
    - {port: 8080, protocol: TCP}
{{- else }}
{{- with .Values.keycloak.external.egress }}
{{ toYaml . }}
{{- end }}
{{- end }}
{{- end }}

{{- define "careline.kafkaEgress" -}}
{{- if .Values.kafka.enabled }}
- to:
    - podSelector:
        matchLabels:
          strimzi.io/cluster: {{ .Values.kafka.name }}
          strimzi.io/kind: Kafka
  ports:
    - {port: 9093, protocol: TCP}
{{- else }}
{{- with .Values.kafka.external.egress }}
{{ toYaml . }}
{{- end }}
{{- end }}
{{- end }}
