window.YTD.following.part0 = [ {
  "following" : {
    "accountId" : "3100000004",
