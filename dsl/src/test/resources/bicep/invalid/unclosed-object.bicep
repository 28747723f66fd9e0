// Broken on purpose: the syntax check must reject this file. The sku object is never closed and a
// property has no value.
param vaultName string
param location string = resourceGroup().location

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location:
  properties: {
    sku: {
      family: 'A'
      name: 'premium'
    tenantId: tenant().tenantId
  }
}
