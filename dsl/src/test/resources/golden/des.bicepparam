using './des.bicep'

param desName = 'desName-value'

param vaultName = 'vaultName-value'

param keyUriWithVersion = 'keyUriWithVersion-value'

param identityId = 'identityId-value'
