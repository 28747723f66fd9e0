using './alerts.bicep'

param vaultName = 'vaultName-value'

param actionGroupName = 'actionGroupName-value'

param emailReceivers = [
  {
    name: 'platform-oncall'
    emailAddress: 'platform-oncall@contoso-health.eu'
  }
]

param webhookUri = az.getSecret('00000000-0000-0000-0000-000000000001', 'rg-ops', 'kv-ops-weu-001', 'cmk-alert-webhook')

param systemTopicName = 'systemTopicName-value'

param severity = 'Sev1'
