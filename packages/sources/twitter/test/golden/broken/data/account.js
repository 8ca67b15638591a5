window.YTD.account.part0 = [ {
  "account" : {
    "username" : "petraholm",
    "accountId" : "3100000001",
    "accountDisplayName" : "Petra Holm"
  }
} ]
