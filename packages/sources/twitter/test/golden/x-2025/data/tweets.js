window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [ "1850000000000000100" ],
          "editableUntil" : "2025-01-15T10:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Felix Adeyemi",
            "screen_name" : "felixadeyemi",
            "indices" : [ "0", "13" ],
            "id_str" : "1700000000000000003",
            "id" : "1700000000000000003"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [ "0", "40" ],
      "favorite_count" : "2",
      "in_reply_to_status_id_str" : "1850000000000000099",
      "id_str" : "1850000000000000100",
      "in_reply_to_user_id" : "1700000000000000003",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1850000000000000100",
      "in_reply_to_status_id" : "1850000000000000099",
      "created_at" : "Wed Jan 15 09:00:00 +0000 2025",
      "favorited" : false,
      "full_text" : "@felixadeyemi agreed, see you on Friday",
      "lang" : "en",
      "in_reply_to_screen_name" : "felixadeyemi",
      "in_reply_to_user_id_str" : "1700000000000000003"
    }
  }
]
