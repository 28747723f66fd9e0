using './vault.bicep'

param location = 'westeurope'

param tags = {
  component: 'cmk'
  environment: 'dev'
  purpose: 'confidential-vm-disk-encryption'
}

param identityName = 'uami-des-avd-dev-weu-001'

param vaultName = 'kv-avd-cmk-dev-weu-001'

param keyName = 'cmk-avd-dev-weu-001'

param keySize = 3072

param keyExpiry = 1811808000

param orchestratorObjectId = '5c9a8e2d-1f3b-4a67-8d0e-b4c2a7f91e36'

param privateEndpointSubnetId = '/subscriptions/9d41b7e0-3c52-4f8a-a6e9-2b0c7d18f4a3/resourceGroups/rg-avd-dev-network/providers/Microsoft.Network/virtualNetworks/vnet-avd-dev-weu-001/subnets/snet-pep-dev-weu-001'

param privateDnsZoneId = '/subscriptions/0b8e5d3c-2a6f-4c19-b7e4-91d2f6a0c357/resourceGroups/rg-dns-hub-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net'
