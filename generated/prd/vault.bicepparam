using './vault.bicep'

param location = 'westeurope'

param tags = {
  component: 'cmk'
  environment: 'prd'
  purpose: 'confidential-vm-disk-encryption'
}

param identityName = 'uami-des-avd-prd-weu-001'

param vaultName = 'kv-avd-cmk-prd-weu-001'

param keyName = 'cmk-avd-prd-weu-001'

param keySize = 3072

param keyExpiry = 1827619200

param orchestratorObjectId = '5c9a8e2d-1f3b-4a67-8d0e-b4c2a7f91e36'

param privateEndpointSubnetId = '/subscriptions/6f2c1a9e-4b7d-4e21-9c3a-8d5f0e7b2a14/resourceGroups/rg-avd-prd-network/providers/Microsoft.Network/virtualNetworks/vnet-avd-prd-weu-001/subnets/snet-pep-prd-weu-001'

param privateDnsZoneId = '/subscriptions/0b8e5d3c-2a6f-4c19-b7e4-91d2f6a0c357/resourceGroups/rg-dns-hub-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net'
