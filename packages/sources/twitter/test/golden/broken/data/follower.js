window.YTD.follower.part0 = [ {
  "follower" : {
    "accountId" : "3100000002",
    "userLink" : "https://twitter.com/intent/user?user_id=3100000002"
  }
}, {
  "follower" : "not an object"
}, {
  "follower" : {
    "accountId" : "3100000003",
    "userLink" : "https://twitter.com/intent/user?user_id=3100000003"
  }
} ]
