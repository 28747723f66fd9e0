using './vault.bicep'

param vaultName = 'vaultName-value'

param keyName = 'keyName-value'

param keySize = 4096

param identityName = 'identityName-value'

param orchestratorObjectId = readEnvironmentVariable('CVM_ORCHESTRATOR_OBJECT_ID')

param privateEndpointSubnetId = 'privateEndpointSubnetId-value'

param privateDnsZoneId = 'privateDnsZoneId-value'

param tags = {
  component: 'cmk'
  environment: 'prd'
}
